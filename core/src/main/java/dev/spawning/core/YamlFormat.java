package dev.spawning.core;

import dev.spawning.core.ConfigFile.Option;
import dev.spawning.core.ConfigFile.Section;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML deployment files: a mapping from section names to mappings of settings, with the meaning of
 * the INI file that has the same sections and keys in the same order. Read through SnakeYAML's node
 * graph rather than Commons Configuration's YAML support, because the loader needs each key's line
 * for its error messages and the scalars exactly as written ({@code 8080}, {@code yes}).
 */
final class YamlFormat {

    private static final Resolver RESOLVER = new Resolver();

    private YamlFormat() {
    }

    /** Reads YAML text; throws with every structural error found. */
    static ConfigFile read(Path path, String text) {
        Node root = compose(path, text);
        if (root == null) {
            return new ConfigFile(path, List.of(), List.of());
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new DeploymentException(error(path, root, "a YAML deployment file is a mapping of section names "
                    + "(DEFAULT, app:main, server:main, ...) to mappings of settings"));
        }
        List<Problem> errors = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name = scalar(path, tuple.getKeyNode(), "a section name", errors);
            if (name == null) {
                continue;
            }
            int line = line(tuple.getKeyNode());
            Integer first = seen.putIfAbsent(name, line);
            if (first != null) {
                errors.add(Problem.error(error(path, tuple.getKeyNode(),
                        "section [" + name + "] already exists (first at line " + first + ")")));
                continue;
            }
            sections.add(section(path, name, tuple, errors));
        }
        if (!errors.isEmpty()) {
            throw new DeploymentException(errors);
        }
        return new ConfigFile(path, sections, comments(mapping.getEndComments()));
    }

    /** Writes a deployment file as YAML, comments included. */
    static String write(ConfigFile file) {
        List<NodeTuple> sections = new ArrayList<>();
        for (Section section : file.sections()) {
            List<NodeTuple> options = new ArrayList<>();
            for (Option option : section.options()) {
                options.add(new NodeTuple(commented(key(option.key()), option.comments()), value(option.value())));
            }
            MappingNode body = new MappingNode(Tag.MAP, options, options.isEmpty()
                    ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
            sections.add(new NodeTuple(commented(key(section.name()), section.comments()), body));
        }
        MappingNode root = new MappingNode(Tag.MAP, sections, DumperOptions.FlowStyle.BLOCK);
        root.setEndComments(commentLines(file.trailingComments()));
        DumperOptions options = new DumperOptions();
        options.setProcessComments(true);
        options.setIndent(2);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        StringWriter out = new StringWriter();
        new Yaml(options).serialize(root, out);
        return out.toString();
    }

    private static Node compose(Path path, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(true);
        options.setAllowDuplicateKeys(true);
        try {
            return new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new DeploymentException("Error in file " + path + ": line " + line + ": " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new DeploymentException("Error in file " + path + ": " + e.getMessage(), e);
        }
    }

    private static Section section(Path path, String name, NodeTuple tuple, List<Problem> errors) {
        List<Option> options = new ArrayList<>();
        Node body = tuple.getValueNode();
        if (body instanceof MappingNode settings) {
            Map<String, Integer> seen = new HashMap<>();
            for (NodeTuple entry : settings.getValue()) {
                String key = scalar(path, entry.getKeyNode(), "a setting name", errors);
                String value = value(path, name, key, entry.getValueNode(), errors);
                if (key == null || value == null) {
                    continue;
                }
                Integer first = seen.putIfAbsent(key, line(entry.getKeyNode()));
                if (first != null) {
                    errors.add(Problem.error(error(path, entry.getKeyNode(), "key '" + key
                            + "' already exists in section [" + name + "] (first at line " + first + ")")));
                    continue;
                }
                options.add(new Option(key, value, line(entry.getKeyNode()),
                        comments(entry.getKeyNode().getBlockComments())));
            }
        } else if (!isEmpty(body)) {
            errors.add(Problem.error(error(path, body, "section [" + name
                    + "] must be a mapping of settings (key: value), not " + describe(body))));
        }
        return new Section(name, line(tuple.getKeyNode()), options, comments(tuple.getKeyNode().getBlockComments()));
    }

    private static String value(Path path, String section, String key, Node node, List<Problem> errors) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue().stripTrailing();
        }
        if (node instanceof SequenceNode sequence) {
            List<String> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (!(item instanceof ScalarNode scalar)) {
                    errors.add(Problem.error(error(path, item, "[" + section + "] " + key
                            + ": a list value holds plain items, not " + describe(item))));
                    return null;
                }
                items.add(scalar.getValue());
            }
            return String.join(" ", items);
        }
        errors.add(Problem.error(error(path, node, "[" + section + "] " + key
                + ": a setting is a string, a number, a boolean or a list, not " + describe(node))));
        return null;
    }

    private static String scalar(Path path, Node node, String what, List<Problem> errors) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        errors.add(Problem.error(error(path, node, what + " must be a plain string, not " + describe(node))));
        return null;
    }

    private static boolean isEmpty(Node node) {
        return node instanceof ScalarNode scalar && scalar.getValue().isEmpty();
    }

    private static String describe(Node node) {
        return node.getNodeId() == NodeId.mapping ? "a mapping"
                : node.getNodeId() == NodeId.sequence ? "a list" : "'" + ((ScalarNode) node).getValue() + "'";
    }

    private static String error(Path path, Node node, String message) {
        return "Error in file " + path + ": line " + line(node) + ": " + message;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static List<String> comments(List<CommentLine> lines) {
        if (lines == null) {
            return List.of();
        }
        return lines.stream()
                .filter(c -> c.getCommentType() == CommentType.BLOCK)
                .map(c -> "#" + c.getValue())
                .toList();
    }

    private static ScalarNode key(String text) {
        return scalarNode(text, DumperOptions.ScalarStyle.PLAIN);
    }

    private static ScalarNode value(String text) {
        return scalarNode(text, text.contains("\n") ? DumperOptions.ScalarStyle.LITERAL : DumperOptions.ScalarStyle.PLAIN);
    }

    /**
     * A scalar tagged as YAML would resolve its text, so that {@code 8080} and {@code yes} are written
     * plain and read back as written; text that cannot be plain is quoted by the emitter.
     */
    private static ScalarNode scalarNode(String text, DumperOptions.ScalarStyle style) {
        Tag tag = style == DumperOptions.ScalarStyle.PLAIN ? RESOLVER.resolve(NodeId.scalar, text, true) : Tag.STR;
        return new ScalarNode(tag, text, null, null, style);
    }

    private static Node commented(Node node, List<String> comments) {
        node.setBlockComments(commentLines(comments));
        return node;
    }

    private static List<CommentLine> commentLines(List<String> comments) {
        List<CommentLine> lines = new ArrayList<>();
        for (String comment : comments) {
            lines.add(new CommentLine(null, null, comment.substring(1), CommentType.BLOCK));
        }
        return lines;
    }
}
