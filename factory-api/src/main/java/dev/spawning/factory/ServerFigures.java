package dev.spawning.factory;

/**
 * What a server is doing, counted live: what spawn's controller reports in its status and watches
 * while a worker drains.
 *
 * @param requestsServed   requests answered since start (a response sent, whatever its status,
 *                         refusals of bad requests included)
 * @param requestsInFlight requests begun but not yet answered, counted from accept: a connection
 *                         accepted whose first request has not yet come, or has come in part, counts
 *                         as one, and so does a connection with a request under way
 * @param openConnections  connections accepted and not yet closed, idle ones included
 */
public record ServerFigures(long requestsServed, int requestsInFlight, int openConnections) {
}
