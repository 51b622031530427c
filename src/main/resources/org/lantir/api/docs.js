// Lantir's /docs page: Swagger UI on the API's own description. Log in with
// POST /auth/login, then "Authorize" with the access_token; the token stays in this tab only.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#lantir-docs",
    deepLinking: true,
    persistAuthorization: false,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
