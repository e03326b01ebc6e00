package dev.spawning.examples.pages;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The {@code NAME.mustache} files of the templates directory, read afresh for each rendering: a
 * changed file (or partial) is seen at once, by every process. Mustache escapes HTML in
 * <code>{{name}}</code>; <code>{{{name}}}</code> does not. Thread-safe: it holds nothing but the
 * directory.
 */
final class Templates {

    static final String SUFFIX = ".mustache";

    /** A template that is missing or does not compile or render; its message names the file. */
    static final class TemplateException extends Exception {

        private static final long serialVersionUID = 1L;

        TemplateException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path directory;

    Templates(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /**
     * Renders one template.
     *
     * @param name the template's name, without {@code .mustache}
     * @param data the scope: maps, lists, strings, numbers, booleans and nulls, as JSON gives them
     * @return the output, UTF-8
     * @throws TemplateException when the template is missing or fails
     */
    byte[] render(String name, Object data) throws TemplateException {
        Mustache mustache = compile(name);
        try {
            StringWriter out = new StringWriter();
            mustache.execute(out, data);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException failed) {
            throw new TemplateException("Template " + name + SUFFIX + " failed to render: " + failed.getMessage(),
                    failed);
        }
    }

    /**
     * Compiles one template, to check it.
     *
     * @param name the template's name, without {@code .mustache}
     * @return the compiled template
     * @throws TemplateException when it is missing or does not compile
     */
    Mustache compile(String name) throws TemplateException {
        if (!Files.isRegularFile(file(name))) {
            // The directory is left out: this message may reach an HTTP client.
            throw new TemplateException("No template file " + name + SUFFIX, null);
        }
        try {
            // A new factory each time: DefaultMustacheFactory caches compiled templates forever.
            return new DefaultMustacheFactory(directory.toFile()).compile(name + SUFFIX);
        } catch (RuntimeException failed) {
            throw new TemplateException("Template " + name + SUFFIX + " does not compile: " + failed.getMessage(),
                    failed);
        }
    }

    /**
     * The time the template file was last changed, which a stored page records to know when it
     * must be rendered again.
     *
     * @param name the template's name, without {@code .mustache}
     * @return milliseconds since the epoch; {@code -1} when the file is missing
     */
    long modified(String name) {
        try {
            return Files.getLastModifiedTime(file(name)).toMillis();
        } catch (NoSuchFileException missing) {
            return -1;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private Path file(String name) {
        return directory.resolve(name + SUFFIX);
    }
}
