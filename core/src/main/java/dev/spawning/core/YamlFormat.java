package dev.spawning.core;

import dev.spawning.core.ConfigFile.Option;
import dev.spawning.core.ConfigFile.Section;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML deployment files: a mapping from section names to mappings of settings, with the meaning of
 * the INI file that has the same sections and keys in the same order. Read through SnakeYAML's node
 * graph rather than Commons Configuration's YAML support, because the loader needs each key's line
 * for its error messages and the scalars exactly as written ({@code 8080}, {@code yes}).
 *
 * <p>Comments are found by scanning the text, not through SnakeYAML's comment support: that support
 * attaches a comment after a block scalar ({@code |}) to the scalar and fails with a
 * {@code ClassCastException} when two comment lines follow one. As in an INI file, each whole-line
 * comment belongs to the section or setting after it.
 */
final class YamlFormat {

    private static final Resolver RESOLVER = new Resolver();
    /** The line breaks SnakeYAML counts in its marks, so that scanned lines match node lines. */
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\r\n\u0085\u2028\u2029]");
    private static final CommentLine BLANK_LINE = new CommentLine(null, null, "", CommentType.BLANK_LINE);

    private YamlFormat() {
    }

    /** Reads YAML text; throws with every structural error found. */
    static ConfigFile read(Path path, String text) {
        Node root = compose(path, text);
        NavigableMap<Integer, String> comments = comments(text, root);
        if (root == null) {
            return new ConfigFile(path, List.of(), List.copyOf(comments.values()));
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new DeploymentException(error(path, root, "a YAML deployment file is a mapping of section names "
                    + "(DEFAULT, app:main, server:main, ...) to mappings of settings, not " + describe(root)));
        }
        return new Reader(path, comments).file(mapping);
    }

    /**
     * Writes a deployment file as YAML, comments included: plain scalars where YAML reads them back as
     * written ({@code port: 8080}), {@code |-} blocks for multi-line values, a blank line between
     * sections. A comment that YAML cannot hold (a control character, a line break) is refused.
     */
    static String write(ConfigFile file) {
        List<Problem> errors = new ArrayList<>();
        List<NodeTuple> sections = new ArrayList<>();
        for (Section section : file.sections()) {
            checkComments(file, section.line(), section.comments(), "before section [" + section.name() + "]", errors);
            sections.add(new NodeTuple(commented(key(section.name()), section.comments(), !sections.isEmpty()),
                    settings(file, section, errors)));
        }
        checkComments(file, 0, file.trailingComments(), "at the end of the file", errors);
        if (!errors.isEmpty()) {
            throw new DeploymentException(errors);
        }
        MappingNode root = new MappingNode(Tag.MAP, sections, DumperOptions.FlowStyle.BLOCK);
        root.setEndComments(commentLines(file.trailingComments(), false));
        StringWriter out = new StringWriter();
        new Yaml(dumperOptions()).serialize(root, out);
        return out.toString();
    }

    private static MappingNode settings(ConfigFile file, Section section, List<Problem> errors) {
        List<NodeTuple> options = new ArrayList<>();
        for (Option option : section.options()) {
            checkComments(file, option.line(), option.comments(),
                    "before key " + PyRepr.of(option.key()) + " in section [" + section.name() + "]", errors);
            options.add(new NodeTuple(commented(key(option.key()), option.comments(), false), value(option.value())));
        }
        return new MappingNode(Tag.MAP, options,
                options.isEmpty() ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
    }

    /** The emitter writes comments as they are; YAML cannot read back one that holds these characters. */
    private static void checkComments(ConfigFile file, int line, List<String> comments, String where,
            List<Problem> errors) {
        for (String comment : comments) {
            if (comment.codePoints().anyMatch(c -> !StreamReader.isPrintable(c) || isBreak(c))) {
                errors.add(Problem.error(file.path(), line, "the comment " + PyRepr.of(comment) + " " + where
                        + " cannot be written as YAML: "
                        + "a YAML comment cannot hold a control character or a line break"));
            }
        }
    }

    private static DumperOptions dumperOptions() {
        DumperOptions options = new DumperOptions();
        options.setProcessComments(true);
        options.setIndent(2);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        return options;
    }

    private static Node compose(Path path, String text) {
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new DeploymentException(syntaxError(path, e), e);
        } catch (YAMLException e) {
            throw new DeploymentException(Problem.error(path, 0, String.valueOf(e.getMessage())), e);
        }
    }

    /** SnakeYAML's problem at its line, and what it was reading when that started elsewhere. */
    private static Problem syntaxError(Path path, MarkedYAMLException e) {
        Mark problem = e.getProblemMark();
        return Problem.error(path, problem == null ? 0 : problem.getLine() + 1, e.getProblem() + context(e, problem));
    }

    /** {@code  (while parsing a block mapping that starts at line 3)}, or nothing. */
    private static String context(MarkedYAMLException e, Mark problem) {
        Mark context = e.getContextMark();
        if (e.getContext() == null) {
            return "";
        }
        boolean elsewhere = context != null && (problem == null || context.getLine() != problem.getLine());
        return " (" + e.getContext() + (elsewhere ? " that starts at line " + (context.getLine() + 1) : "") + ")";
    }

    /**
     * The whole-line comments of {@code text} by line (1-based), leaving out lines that lie inside a
     * multi-line scalar, where a {@code #} is part of the value.
     */
    private static NavigableMap<Integer, String> comments(String text, Node root) {
        Set<Integer> inScalars = new HashSet<>();
        if (root != null) {
            scalarLines(root, inScalars, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        String[] lines = LINE_BREAK.split(text.startsWith("\uFEFF") ? text.substring(1) : text, -1);
        NavigableMap<Integer, String> comments = new TreeMap<>();
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (stripped.startsWith("#") && !inScalars.contains(i + 1)) {
                comments.put(i + 1, stripped);
            }
        }
        return comments;
    }

    /** Adds the lines (1-based) after the first of each multi-line scalar; aliases are visited once. */
    private static void scalarLines(Node node, Set<Integer> lines, Set<Node> visited) {
        if (!visited.add(node)) {
            return;
        }
        switch (node) {
            case ScalarNode scalar -> {
                Mark end = scalar.getEndMark();
                int last = end.getColumn() == 0 ? end.getLine() : end.getLine() + 1;
                for (int line = scalar.getStartMark().getLine() + 2; line <= last; line++) {
                    lines.add(line);
                }
            }
            case MappingNode mapping -> mapping.getValue().forEach(t -> {
                scalarLines(t.getKeyNode(), lines, visited);
                scalarLines(t.getValueNode(), lines, visited);
            });
            case SequenceNode sequence -> sequence.getValue().forEach(n -> scalarLines(n, lines, visited));
            default -> { }
        }
    }

    private static String describe(Node node) {
        return node.getNodeId() == NodeId.mapping ? "a mapping"
                : node.getNodeId() == NodeId.sequence ? "a list" : "'" + ((ScalarNode) node).getValue() + "'";
    }

    private static Problem error(Path path, Node node, String message) {
        return Problem.error(path, line(node), message);
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /**
     * A key with a line break is double-quoted, where the break is escaped. An empty key cannot be
     * plain; quoted with its resolved tag it would be written {@code !!null ''}.
     */
    private static ScalarNode key(String text) {
        boolean hasBreak = text.codePoints().anyMatch(YamlFormat::isBreak);
        return scalarNode(text, hasBreak ? DumperOptions.ScalarStyle.DOUBLE_QUOTED
                : text.isEmpty() ? DumperOptions.ScalarStyle.SINGLE_QUOTED : DumperOptions.ScalarStyle.PLAIN);
    }

    private static ScalarNode value(String text) {
        DumperOptions.ScalarStyle style = hasOtherBreak(text) ? DumperOptions.ScalarStyle.DOUBLE_QUOTED
                : text.contains("\n") ? DumperOptions.ScalarStyle.LITERAL : DumperOptions.ScalarStyle.PLAIN;
        return scalarNode(text, style);
    }

    /**
     * Whether {@code text} holds a line break other than {@code \n}. The emitter writes those raw in
     * plain, single-quoted and block scalars, where YAML reads them back as a newline or a space;
     * only a double-quoted scalar escapes them.
     */
    private static boolean hasOtherBreak(String text) {
        return text.chars().anyMatch(c -> c != '\n' && isBreak(c));
    }

    /** A line break to YAML 1.1, which SnakeYAML reads. */
    private static boolean isBreak(int c) {
        return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /**
     * A scalar tagged as YAML would resolve its text, so that {@code 8080} and {@code yes} are written
     * plain and read back as written; text that cannot be plain is quoted by the emitter. The one tag
     * that only such text resolves to ({@code !!yaml}, for {@code !}, {@code &} and {@code *}) is
     * left out, or the emitter would write it: {@code !!yaml '&'}.
     */
    private static ScalarNode scalarNode(String text, DumperOptions.ScalarStyle style) {
        Tag tag = style == DumperOptions.ScalarStyle.PLAIN ? RESOLVER.resolve(NodeId.scalar, text, true) : Tag.STR;
        return new ScalarNode(tag.equals(Tag.YAML) ? Tag.STR : tag, text, null, null, style);
    }

    private static Node commented(Node node, List<String> comments, boolean blankLineBefore) {
        node.setBlockComments(commentLines(comments, blankLineBefore));
        return node;
    }

    /** Comment lines as the emitter takes them; YAML has only {@code #}, so a {@code ;} comment becomes one. */
    private static List<CommentLine> commentLines(List<String> comments, boolean blankLineBefore) {
        List<CommentLine> lines = new ArrayList<>();
        if (blankLineBefore) {
            lines.add(BLANK_LINE);
        }
        for (String comment : comments) {
            lines.add(new CommentLine(null, null, comment.substring(1), CommentType.BLOCK));
        }
        return lines;
    }

    /** One read of a composed file: its errors, and the comments not yet given to a section or setting. */
    private static final class Reader {
        private final Path path;
        private final NavigableMap<Integer, String> comments;
        private final List<Problem> errors = new ArrayList<>();

        Reader(Path path, NavigableMap<Integer, String> comments) {
            this.path = path;
            this.comments = comments;
        }

        ConfigFile file(MappingNode root) {
            List<Section> sections = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (NodeTuple tuple : root.getValue()) {
                String name = scalar(tuple.getKeyNode(), "a section name");
                if (name != null && isNew(seen, tuple.getKeyNode(), name, "section [" + name + "] already exists")) {
                    sections.add(section(name, tuple));
                }
            }
            if (!errors.isEmpty()) {
                throw new DeploymentException(errors);
            }
            return new ConfigFile(path, sections, List.copyOf(comments.values()));
        }

        private Section section(String name, NodeTuple tuple) {
            List<String> before = commentsBefore(tuple.getKeyNode());
            List<Option> options = new ArrayList<>();
            Node body = tuple.getValueNode();
            if (body instanceof MappingNode settings) {
                Map<String, Integer> seen = new HashMap<>();
                for (NodeTuple entry : settings.getValue()) {
                    Option option = option(name, entry);
                    if (option != null && isNew(seen, entry.getKeyNode(), option.key(),
                            "key '" + option.key() + "' already exists in section [" + name + "]")) {
                        options.add(option);
                    }
                }
            } else if (!isEmpty(body)) {
                errors.add(error(path, tuple.getKeyNode(), "section [" + name
                        + "] must be a mapping of settings (key: value), not " + describe(body)));
            }
            return new Section(name, line(tuple.getKeyNode()), options, before);
        }

        private Option option(String section, NodeTuple entry) {
            List<String> before = commentsBefore(entry.getKeyNode());
            String key = scalar(entry.getKeyNode(), "a setting name in section [" + section + "]");
            String value = key == null ? null : value(section, key, entry);
            return value == null ? null : new Option(key, value, line(entry.getKeyNode()), before);
        }

        /**
         * A scalar as written, with trailing blanks dropped as INI drops them (a literal block's final
         * newline too); a list of scalars joined with single spaces.
         */
        private String value(String section, String key, NodeTuple entry) {
            Node node = entry.getValueNode();
            String where = "key '" + key + "' in section [" + section + "]: ";
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue().stripTrailing();
            }
            if (!(node instanceof SequenceNode sequence)) {
                errors.add(error(path, entry.getKeyNode(),
                        where + "a setting is a string, a number, a boolean or a list, not " + describe(node)));
                return null;
            }
            List<String> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (!(item instanceof ScalarNode scalar)) {
                    errors.add(error(path, item,
                            where + "a list value holds plain items, not " + describe(item)));
                    return null;
                }
                items.add(scalar.getValue());
            }
            return String.join(" ", items);
        }

        private String scalar(Node node, String what) {
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            errors.add(error(path, node, what + " must be a plain string, not " + describe(node)));
            return null;
        }

        /** Records the line of {@code name}; if it was seen before, records the error {@code duplicate}. */
        private boolean isNew(Map<String, Integer> seen, Node key, String name, String duplicate) {
            Integer first = seen.putIfAbsent(name, line(key));
            if (first != null) {
                errors.add(error(path, key, duplicate + " (first at line " + first + ")"));
            }
            return first == null;
        }

        /** The comments above {@code key} not yet taken by an earlier section or setting. */
        private List<String> commentsBefore(Node key) {
            SortedMap<Integer, String> before = comments.headMap(line(key));
            List<String> taken = List.copyOf(before.values());
            before.clear();
            return taken;
        }

        /** No settings: nothing written after the name, or {@code ~} / {@code null}. */
        private static boolean isEmpty(Node node) {
            return node instanceof ScalarNode scalar
                    && (scalar.getValue().isEmpty() || scalar.getTag().equals(Tag.NULL));
        }
    }
}
