package dev.spawning.controller;

import java.io.StringWriter;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The answer to {@code spawn ctl status}: the controller, its generations with each worker's pid,
 * state and figures, the reload under way and the last reload's outcome. Stateless.
 */
final class StatusJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private StatusJson() {
    }

    /** The status as one JSON object; {@code reloading} is the generation being started, or 0. */
    static String write(int processes, int serving, int reloading, Collection<WorkerProcess> workers,
            ReloadOutcome last) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
            json.writeStartObject();
            json.writeNumberProperty("pid", ProcessHandle.current().pid());
            json.writeNumberProperty("processes", processes);
            json.writeNumberProperty("serving_generation", serving);
            json.writeBooleanProperty("reloading", reloading != 0);
            json.writeArrayPropertyStart("generations");
            for (int generation : generations(workers, serving, reloading)) {
                writeGeneration(json, generation, workers.stream().filter(w -> w.generation == generation).toList());
            }
            json.writeEndArray();
            json.writeName("last_reload");
            writeOutcome(json, last);
            json.writeEndObject();
        }
        return text.toString();
    }

    private static TreeSet<Integer> generations(Collection<WorkerProcess> workers, int serving, int reloading) {
        TreeSet<Integer> generations = new TreeSet<>();
        workers.forEach(w -> generations.add(w.generation));
        generations.add(serving);
        if (reloading != 0) {
            generations.add(reloading);
        }
        return generations;
    }

    private static void writeGeneration(JsonGenerator json, int generation, List<WorkerProcess> workers) {
        json.writeStartObject();
        json.writeNumberProperty("generation", generation);
        json.writeArrayPropertyStart("workers");
        TreeMap<Integer, WorkerProcess> byId = new TreeMap<>();
        workers.forEach(w -> byId.put(w.id, w));
        for (WorkerProcess worker : byId.values()) {
            json.writeStartObject();
            json.writeNumberProperty("id", worker.id);
            json.writeNumberProperty("pid", worker.pid());
            json.writeStringProperty("state", worker.state.label());
            json.writeNumberProperty("requests_served", worker.figures.requestsServed());
            json.writeNumberProperty("requests_in_flight", worker.figures.requestsInFlight());
            json.writeNumberProperty("open_connections", worker.figures.openConnections());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeOutcome(JsonGenerator json, ReloadOutcome last) {
        if (last == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringProperty("result", last.succeeded() ? "succeeded" : "failed");
        json.writeStringProperty("trigger", last.trigger());
        json.writeNumberProperty("generation", last.generation());
        json.writeStringProperty("at", last.at().toString());
        json.writeNumberProperty("duration_ms", last.took().toMillis());
        json.writeNumberProperty("old_generation_gone_ms", last.complete().toMillis());
        json.writeArrayPropertyStart("error");
        for (String line : last.error()) {
            json.writeString(line);
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
