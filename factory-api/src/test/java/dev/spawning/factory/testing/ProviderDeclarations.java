package dev.spawning.factory.testing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a module declares about its providers, read from its compiled classes: the
 * {@code provides dev.spawning.factory.Factory with ...} clause of its module-info and the lines of
 * its {@code META-INF/services} file, which must agree (a provides clause and a services file that
 * disagree is a bug the conventions name). Shared by the modules' tests through this test jar.
 *
 * @param module       the module's name
 * @param provides     the providers of its provides clause, in order
 * @param servicesFile the provider lines of its services file, in order
 */
public record ProviderDeclarations(String module, List<String> provides, List<String> servicesFile) {

    private static final String SERVICE = "dev.spawning.factory.Factory";

    /** The declarations of the module that holds {@code member}, from its classes directory or jar. */
    public static ProviderDeclarations of(Class<?> member) throws IOException, URISyntaxException {
        Path classes = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        List<String> provides = descriptor.provides().stream()
                .filter(p -> p.service().equals(SERVICE))
                .flatMap(p -> p.providers().stream())
                .toList();
        List<String> lines = Files.readAllLines(classes.resolve("META-INF/services/" + SERVICE)).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        return new ProviderDeclarations(descriptor.name(), provides, lines);
    }
}
