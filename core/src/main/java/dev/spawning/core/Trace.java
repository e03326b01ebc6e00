package dev.spawning.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The tree of what a load built, recorded as it is built (so that a composite's children appear
 * under it, whatever names it asks its loader for). Read by {@code spawn describe}.
 */
final class Trace {

    /** One built object: what it is, and what it was built from. */
    static final class Node {
        final String label;
        final List<String> details = new ArrayList<>();
        final List<Node> children = new ArrayList<>();

        Node(String label) {
            this.label = label;
        }
    }

    private final Node root = new Node("");
    private final Deque<Node> open = new ArrayDeque<>(List.of(root));

    synchronized Node enter(String label) {
        Node node = new Node(label);
        open.peek().children.add(node);
        open.push(node);
        return node;
    }

    synchronized void exit() {
        open.pop();
    }

    /** The tree as indented text, one node per line. */
    synchronized String render() {
        StringBuilder out = new StringBuilder();
        for (Node node : root.children) {
            render(node, "", "", out);
        }
        return out.toString();
    }

    private static void render(Node node, String first, String rest, StringBuilder out) {
        out.append(first).append(node.label).append('\n');
        for (String detail : node.details) {
            out.append(rest).append(node.children.isEmpty() ? "    " : "│   ").append(detail).append('\n');
        }
        for (int i = 0; i < node.children.size(); i++) {
            boolean last = i == node.children.size() - 1;
            render(node.children.get(i), rest + (last ? "└── " : "├── "), rest + (last ? "    " : "│   "), out);
        }
    }
}
