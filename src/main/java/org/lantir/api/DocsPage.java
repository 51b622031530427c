package org.lantir.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The interactive documentation at {@code /docs}: Swagger UI from its webjar, inside the jar,
 * so the page works on a hospital network without internet. The page, its start script and
 * the OpenAPI description are Lantir's; the three Swagger UI files are served from the webjar
 * by name, and nothing else from it.
 */
final class DocsPage {

    /** The webjar's version, as in the pom. */
    static final String SWAGGER_UI_VERSION = "5.35.0";
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/"
            + SWAGGER_UI_VERSION + "/";
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png");
    private static final String LANTIR = "/org/lantir/api/";
    /** Scripts and styles from here only; Swagger UI draws some styles and images inline. */
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    private final byte[] page = resource(LANTIR + "docs.html");
    private final byte[] script = resource(LANTIR + "docs.js");
    private final byte[] openApi = resource(LANTIR + "openapi.json");

    void page(Context ctx) {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    /** {@code /docs/{asset}}: Lantir's start script or one of the Swagger UI files. */
    void asset(Context ctx) {
        String name = ctx.pathParam("asset");
        if (name.equals("lantir-docs.js")) {
            ctx.contentType("text/javascript; charset=utf-8").result(script);
            return;
        }
        String type = ASSETS.get(name);
        if (type == null) {
            throw ApiProblem.notFound("No documentation file " + name);
        }
        ctx.header("Cache-Control", "max-age=86400");
        ctx.contentType(type).result(resource(WEBJAR + name));
    }

    void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }

    byte[] openApiBytes() {
        return openApi.clone();
    }

    private static byte[] resource(String path) {
        try (InputStream in = DocsPage.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
