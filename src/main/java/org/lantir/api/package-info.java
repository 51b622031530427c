/**
 * The REST API: the Python tool's (pylantir) paths and JSON over HTTP, served by Javalin on
 * Jetty from the running Lantir's services.
 *
 * <ul>
 *   <li>{@link org.lantir.api.ApiServer}: the routes, JSON refusals ({@code {"detail",
 *       "field"}}), CORS ({@code Cors}), body limits; {@link org.lantir.api.LantirApi} runs it
 *       on a {@link org.lantir.app.Lantir} with the user directory of
 *       {@code org.lantir.users} ({@code start}, {@code start-api}, the desktop).
 *   <li>{@code WorklistEndpoints}: {@code /worklist}, every change through
 *       {@link org.lantir.worklist.WorklistService} with the signed-in user as its actor, so a
 *       scanner's next C-FIND, the desktop and the event log see it at once. Values are
 *       checked by {@link org.lantir.worklist.WorklistItemValidator}, as in the desktop's row
 *       editor; the desktop's rules decide what may change (rows from a data source are
 *       read-only but may be cancelled; {@code DELETE} cancels, never removes).
 *   <li>{@code WorklistJson}: the Python tool's field names and meanings (weight in pounds,
 *       {@code study_description} for the Requested Procedure Description).
 *   <li>{@link org.lantir.api.ApiAccess} ({@link org.lantir.api.UserAccess}): logins and bearer
 *       tokens; {@code Authorizer} answers 401 for no valid token and 403 for a role that may
 *       not. {@link org.lantir.api.UserEndpoints}: {@code /users}, for admins.
 *   <li>{@code HealthEndpoint}: liveness for anyone, the services' state with a token.
 *   <li>{@code DocsPage}: {@code /openapi.json} (a hand-written description, checked against
 *       the routes by a test) and {@code /docs}, Swagger UI from its webjar inside the jar.
 * </ul>
 *
 * <p>Logging: INFO lines name the user, the action, row ids, usernames and counts; patient
 * data only at DEBUG; never a password, token, Authorization header or the signing secret.
 * A request's query string (which may hold a Patient ID) is never logged.
 */
package org.lantir.api;
