package dev.spawning.examples.actors;

import dev.spawning.examples.shapes.Match;
import dev.spawning.examples.shapes.Shape;
import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import java.io.IOException;
import java.io.Serial;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST face of the actors: {@code /} lists them, {@code /ID} is one actor (GET, HEAD, PUT,
 * POST to cast, DELETE). Paths are the app's {@code pathInfo}, so it can be mounted anywhere.
 *
 * <p>Threading: any number of request threads at once; the actors guard themselves.
 */
final class ActorsApp implements App, AutoCloseable {

    static final String ACTOR_METHODS = "GET, HEAD, PUT, POST, DELETE";
    static final String LIST_METHODS = "GET, HEAD";
    /** Unreserved URL characters only, so that an id is also a safe file name. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,127}");
    private static final Shape PUT_BODY = Shape.object().with("type", Shape.string()).with("state", Shape.object());
    private static final String JSON = "application/json";

    private final Actors actors;

    ActorsApp(Actors actors) {
        this.actors = actors;
    }

    /** An answer other than the happy one, thrown from deep in a request and sent as it is. */
    private static final class Refusal extends RuntimeException {

        @Serial
        private static final long serialVersionUID = 1L;
        private final transient Response response;

        Refusal(Response response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    @Override
    public Response handle(Request request) throws IOException {
        try {
            String path = request.pathInfo();
            if (path.isEmpty() || path.equals("/")) {
                return list(request);
            }
            String id = path.substring(1);
            if (!ID.matcher(id).matches()) {
                return error(404, "no actor at " + request.scriptName() + path
                        + ": an actor's id is 1 to 128 letters, digits, '.', '_', '~' or '-'");
            }
            return switch (request.method()) {
                case "GET", "HEAD" -> get(request, id);
                case "PUT" -> put(request, id);
                case "POST" -> cast(request, id);
                case "DELETE" -> delete(request, id);
                default -> notAllowed(request, ACTOR_METHODS);
            };
        } catch (Refusal refusal) {
            return refusal.response;
        } catch (Preconditions.PreconditionFailed failed) {
            return error(412, failed.getMessage());
        } catch (Actors.Busy busy) {
            return json(503, Json.error(busy.getMessage())).header("Retry-After", "1").build();
        }
    }

    private Response list(Request request) throws IOException {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return notAllowed(request, LIST_METHODS);
        }
        ObjectNode body = Json.object();
        actors.ids().forEach(body.putArray("actors")::add);
        return json(200, body).build();
    }

    private Response get(Request request, String id) throws IOException {
        byte[] representation = actors.using(id, actor -> actor == null ? null : actor.representation());
        if (representation == null) {
            return noActor(id);
        }
        String etag = Json.etag(representation);
        if (Preconditions.ifNoneMatchMatches(request.header("If-None-Match").orElse(null), etag)) {
            return Response.builder(304).header("ETag", etag).build();
        }
        return Response.builder(200).header("Content-Type", JSON).header("ETag", etag).body(representation).build();
    }

    private Response put(Request request, String id) throws IOException {
        JsonNode body = readJson(request);
        if (PUT_BODY.match(body) instanceof Match.Mismatch mismatch) {
            throw unprocessable("expected {\"type\": ..., \"state\": {...}}: " + mismatch.reason(), mismatch.path());
        }
        String typeName = body.get("type").stringValue();
        ActorType type = actors.type(typeName);
        if (type == null) {
            throw unprocessable("unknown actor type \"" + typeName + "\"; this app has: "
                    + String.join(", ", actors.typeNames()), "$.type");
        }
        JsonNode state = body.get("state");
        if (type.checkState(state) instanceof Match.Mismatch mismatch) {
            throw unprocessable("not a " + type.name() + " state: " + mismatch.reason(),
                    "$.state" + mismatch.path().substring(1));
        }
        return switch (actors.put(id, type, state, request.header("If-Match").orElse(null))) {
            case Actors.Put.Created(byte[] representation) -> withRepresentation(201, representation)
                    .header("Location", request.scriptName() + request.pathInfo()).build();
            case Actors.Put.Replaced(byte[] representation) -> withRepresentation(200, representation).build();
            case Actors.Put.OtherType(String existing) -> error(409, "actor \"" + id + "\" is a " + existing
                    + ", not a " + type.name() + "; DELETE it first");
        };
    }

    private Response cast(Request request, String id) throws IOException {
        JsonNode message = readJson(request);
        return actors.using(id, actor -> {
            if (actor == null) {
                return noActor(id);
            }
            if (actor.type().dispatch(message) instanceof ActorType.Dispatch.Refused(Match.Mismatch mismatch)) {
                throw unprocessable("no handler of " + actor.type().name() + " takes the message: "
                        + mismatch.reason(), mismatch.path());
            }
            return switch (actor.cast(message)) {
                case ACCEPTED -> json(202, Json.object().put("accepted", true)).build();
                case FULL -> json(503, Json.error("the mailbox of \"" + id + "\" is full; retry later"))
                        .header("Retry-After", "1").build();
                case GONE -> noActor(id);
            };
        });
    }

    private Response delete(Request request, String id) throws IOException {
        if (!actors.delete(id, request.header("If-Match").orElse(null))) {
            return noActor(id);
        }
        return Response.builder(204).build();
    }

    /** The body as JSON: 415 unless it says it is JSON, 400 unless it is one JSON value. */
    private static JsonNode readJson(Request request) throws IOException {
        String type = request.header("Content-Type").orElse("");
        String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals(JSON) && !(media.startsWith("application/") && media.endsWith("+json"))) {
            throw new Refusal(error(415, "expected Content-Type: application/json, found "
                    + (type.isBlank() ? "none" : type.strip())));
        }
        byte[] bytes = request.readBody();
        if (bytes.length == 0) {
            throw new Refusal(error(400, "malformed JSON: the body is empty"));
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (JacksonException malformed) {
            TokenStreamLocation at = malformed.getLocation();
            throw new Refusal(error(400, "malformed JSON" + (at == null ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr())));
        }
    }

    private static Response.Builder withRepresentation(int status, byte[] representation) {
        return Response.builder(status).header("Content-Type", JSON).header("ETag", Json.etag(representation))
                .body(representation);
    }

    private static Response noActor(String id) {
        return error(404, "no actor \"" + id + "\"");
    }

    private static Response notAllowed(Request request, String allow) {
        return json(405, Json.error("method " + request.method() + " is not allowed on "
                + request.scriptName() + request.pathInfo())).header("Allow", allow).build();
    }

    private static Refusal unprocessable(String message, String path) {
        ObjectNode body = Json.error(message);
        body.put("path", path);
        return new Refusal(json(422, body).build());
    }

    private static Response error(int status, String message) {
        return json(status, Json.error(message)).build();
    }

    private static Response.Builder json(int status, JsonNode body) {
        return Response.builder(status).header("Content-Type", JSON).body(Json.bytes(body));
    }

    /** For tests: the actors behind this app. */
    Actors actors() {
        return actors;
    }

    @Override
    public void close() {
        actors.close();
    }
}
