package dev.spawning.core;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The two forms of a deployment file. A file is read as YAML when its name ends in {@code .yaml}
 * or {@code .yml}, and as INI otherwise; either form can be written from the other with the same
 * meaning (what {@code spawn convert} prints).
 */
public enum FileFormat {
    /** Paste Deploy's INI form. */
    INI,
    /** The YAML form: one mapping per section. */
    YAML;

    /**
     * The form named {@code word}: {@code ini}, {@code yaml} or {@code yml}, in any case.
     *
     * @param word the name, as written after {@code spawn convert --to}
     * @return the form
     * @throws IllegalArgumentException naming the word and the forms there are
     */
    public static FileFormat ofWord(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "ini" -> INI;
            case "yaml", "yml" -> YAML;
            default -> throw new IllegalArgumentException("'" + word + "' is not a deployment file form: ini or yaml");
        };
    }

    /**
     * The deployment file at {@code file}, read in the form its name says, written in this form:
     * the same sections, keys, values and comments, in the same order. Nothing is resolved: includes,
     * {@code %(name)s} and {@code ${env:...}} stay as written.
     *
     * @param file the deployment file, in either form
     * @return the file's text in this form
     * @throws DeploymentException when the file cannot be read, is not valid in its form, or holds
     *         something this form cannot say (every such problem, with its place)
     */
    public String convert(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        ConfigFile parsed = Session.parse(absolute, Ref.caller(file.toString()));
        return switch (this) {
            case INI -> IniWriter.write(parsed);
            case YAML -> YamlFormat.write(parsed);
        };
    }
}
