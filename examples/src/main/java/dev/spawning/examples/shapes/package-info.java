/**
 * Shapes of JSON values, and matching a Jackson {@code JsonNode} against them: a small library the
 * {@code actors} app uses to dispatch messages and to check states, reusable by any app.
 *
 * <pre>{@code
 * Shape add = Shape.object().with("add", Shape.integer());
 * add.match(json.readTree("{\"add\": 2}"));    // Match.Matched
 * add.match(json.readTree("{\"add\": \"x\"}")); // Mismatch[path=$.add, reason=expected an integer, found a string]
 * }</pre>
 *
 * <p>Threading: shapes and matches are immutable values, safe to share between threads.
 */
package dev.spawning.examples.shapes;
