package org.lantir.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.lantir.config.ApiConfig;
import org.lantir.worklist.WorklistService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API's HTTP server (Javalin on Jetty): the Python tool's paths and JSON, answered
 * from the running Lantir's services. Every answer is JSON, refusals included
 * ({@code {"detail", "field"}}); no stack trace leaves the server.
 *
 * <pre>
 * ApiServer api = new ApiServer(services);
 * api.start("127.0.0.1", 0);
 * int port = api.port();
 * api.close();
 * </pre>
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** The largest request body taken: a row with three full LT comments fits many times. */
    public static final long MAX_BODY_BYTES = 256 * 1024;
    /** Jetty's threads: a worklist API serves a few scripts and kiosks, not the web. */
    private static final int MAX_THREADS = 16;

    /**
     * What the API serves.
     *
     * @param users the user management endpoints, or null where no user directory is open
     */
    public record Services(WorklistService worklist, ApiAccess access, UserEndpoints users,
            HealthProbe health, ApiConfig cors, Clock clock) {

        public Services {
            Objects.requireNonNull(worklist, "worklist");
            Objects.requireNonNull(access, "access");
            Objects.requireNonNull(health, "health");
            cors = cors == null ? ApiConfig.defaults() : cors;
            clock = clock == null ? Clock.systemUTC() : clock;
        }
    }

    /** One method and path the server answers (e.g. GET /worklist/{id}). */
    public record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final Services services;
    private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());
    private final Javalin app;

    public ApiServer(Services services) {
        this.services = services;
        this.app = build();
    }

    private Javalin build() {
        JsonBodies bodies = new JsonBodies(MAX_BODY_BYTES);
        Authorizer auth = new Authorizer(services.access());
        Cors cors = new Cors(services.cors());
        DocsPage docs = new DocsPage();
        WorklistEndpoints worklist = new WorklistEndpoints(services.worklist(), auth, bodies);
        LoginEndpoint login = new LoginEndpoint(services.access(), bodies);
        HealthEndpoint health = new HealthEndpoint(services.health(), auth, services.clock());

        Javalin javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.disableCompression();
            // A known path with another method is 405 with Allow (RFC 9110 15.5.6), not 404.
            config.http.prefer405over404 = true;
            config.jetty.threadPool = threadPool();
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            // Requests Jetty refuses before Javalin sees them (a malformed URI, huge headers)
            // get its own short page: never a stack trace.
            config.jetty.modifyServer(server -> server.setErrorHandler(quietErrors()));
            config.jetty.modifyServletContextHandler(context ->
                    context.setErrorHandler(quietErrors()));
            // Method and path only: a query string may hold a Patient ID, headers a token.
            config.requestLogger.http((ctx, ms) -> LOG.debug("API: {} {} -> {} in {} ms",
                    ctx.method(), ctx.path(), ctx.status().getCode(), ms.longValue()));
            config.events(events -> events.handlerAdded(info -> {
                if (info.getHttpMethod().isHttpMethod()) {
                    routes.add(new Route(info.getHttpMethod().name(), info.getPath()));
                }
            }));
        });

        javalin.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Cache-Control", "no-store");
            cors.before(ctx);
        });
        javalin.post("/auth/login", login::login);
        javalin.get("/worklist", worklist::list);
        javalin.post("/worklist", worklist::create);
        javalin.put("/worklist/{id}", worklist::update);
        javalin.delete("/worklist/{id}", worklist::cancel);
        if (services.users() != null) {
            services.users().register(javalin, auth, bodies);
        }
        javalin.get("/health", health::health);
        javalin.get("/openapi.json", docs::openApi);
        javalin.get("/docs", docs::page);
        javalin.get("/docs/{asset}", docs::asset);

        javalin.exception(ApiProblem.class, (problem, ctx) -> refuse(ctx, problem));
        javalin.exception(HttpResponseException.class, (e, ctx) -> refuse(ctx,
                new ApiProblem(e.getStatus(), plain(e), null, allow(e))));
        javalin.exception(Exception.class, (e, ctx) -> {
            LOG.error("API: {} {} failed", ctx.method(), ctx.matchedPath(), e);
            refuse(ctx, new ApiProblem(500, "Internal error; the server's log says more",
                    null, Map.of()));
        });
        javalin.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                refuse(ctx, ApiProblem.notFound("Not found: " + ctx.method() + " "
                        + ctx.path()));
            }
        });
        return javalin;
    }

    /** For a 405: the methods the path takes, which Javalin lists in the refusal's details. */
    private static Map<String, String> allow(HttpResponseException e) {
        String methods = e.getStatus() == 405 ? e.getDetails().get("availableMethods") : null;
        return methods == null ? Map.of() : Map.of("Allow", methods);
    }

    private static String plain(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "The request body is larger than " + MAX_BODY_BYTES + " bytes";
            default -> e.getMessage() == null ? "Request refused" : e.getMessage();
        };
    }

    private static void refuse(Context ctx, ApiProblem problem) {
        problem.headers().forEach(ctx::header);
        if (problem.status() >= 500) {
            LOG.warn("API: {} {} answered {}", ctx.method(), ctx.path(), problem.status());
        }
        JsonBodies.answer(ctx, problem.status(), new ErrorBody(problem.detail(),
                problem.field()));
    }

    private static ErrorHandler quietErrors() {
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowMessageInTitle(false);
        errors.setShowServlet(false);
        return errors;
    }

    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2);
        pool.setName("lantir-api");
        return pool;
    }

    /**
     * Starts listening on {@code host} and {@code port} (0 picks a free port).
     *
     * @throws IOException when it cannot listen there, e.g. the port is in use
     */
    public void start(String host, int port) throws ListenException {
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            app.stop();
            throw ListenException.of(e, host, port);
        }
        LOG.info("REST API listening on {}:{}", host, app.port());
    }

    /** The API could not listen; the message says why in plain words (no class names). */
    public static final class ListenException extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean portInUse;

        private ListenException(String message, boolean portInUse, Throwable cause) {
            super(message, cause);
            this.portInUse = portInUse;
        }

        /** Whether another program holds the port (then another port is the remedy). */
        public boolean portInUse() {
            return portInUse;
        }

        static ListenException of(Throwable failure, String host, int port) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof UnresolvedAddressException
                        || cause instanceof UnknownHostException) {
                    return new ListenException("the REST API cannot listen on " + host
                            + ": the host name does not resolve to an address", false, failure);
                }
                if (cause instanceof BindException bind) {
                    String why = String.valueOf(bind.getMessage());
                    if (why.contains("in use")) {
                        return new ListenException("the REST API cannot listen on " + host
                                + " port " + port + ": the port is already in use", true,
                                failure);
                    }
                    if (why.contains("assign")) {
                        return new ListenException("the REST API cannot listen on " + host
                                + ": it is not an address of this computer", false, failure);
                    }
                    return new ListenException("the REST API cannot listen on " + host
                            + " port " + port + ": " + why, false, failure);
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
            return new ListenException("the REST API cannot listen on " + host + " port "
                    + port + ": " + plainWords(failure), false, failure);
        }

        /** The innermost message, never a bare class name. */
        private static String plainWords(Throwable failure) {
            String message = null;
            for (Throwable cause = failure; cause != null && message == null;
                    cause = cause.getCause() == cause ? null : cause.getCause()) {
                message = cause.getMessage();
            }
            return message == null ? "the network refused" : message;
        }
    }

    /** The port it listens on (the one picked when started with port 0). */
    public int port() {
        return app.port();
    }

    /** Every method and path the server answers, in the order they were added. */
    public List<Route> routes() {
        synchronized (routes) {
            return List.copyOf(routes);
        }
    }

    /** The OpenAPI description served at {@code /openapi.json}. */
    public static byte[] openApiDescription() {
        return new DocsPage().openApiBytes();
    }

    @Override
    public void close() {
        app.stop();
        LOG.info("REST API stopped");
    }

}
