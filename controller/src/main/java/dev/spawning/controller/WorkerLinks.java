package dev.spawning.controller;

import java.nio.channels.SocketChannel;
import java.util.concurrent.BlockingQueue;

/**
 * Reads the links of the workers: the first message names the worker ({@code READY id pid}), the
 * rest are its heartbeats and its drain report, each turned into an {@link Event}, and its metrics,
 * kept in {@link WorkerMetrics} (retired when the link ends, after the last metrics the worker
 * sent). One virtual thread per link.
 */
final class WorkerLinks {

    private WorkerLinks() {
    }

    static void read(SocketChannel channel, BlockingQueue<Event> events, WorkerMetrics metrics) {
        Link link = new Link(channel);
        String first = link.receive();
        if (first == null || !first.startsWith("READY ")) {
            link.close();
            return;
        }
        int id = Integer.parseInt(first.split(" ")[1]);
        events.add(new Event.Ready(id, link));
        for (String line = link.receive(); line != null; line = link.receive()) {
            String[] words = line.split(" ");
            switch (words[0]) {
                case "FIGURES" -> events.add(new Event.Heard(id, Link.parseFigures(words)));
                case "ALIVE" -> events.add(new Event.Heard(id, null));
                case "METRICS" -> metrics.update(id, Link.parseMetrics(words));
                case "STOPPED" -> events.add(new Event.Stopped(id, "completed " + words[1] + " in-flight request(s), "
                        + "closed " + words[2] + " idle connection(s), cut off " + words[3] + " connection(s) in "
                        + words[4] + " ms"));
                default -> { }
            }
        }
        metrics.retire(id);
        link.close();
    }
}
