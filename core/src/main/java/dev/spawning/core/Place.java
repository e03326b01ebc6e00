package dev.spawning.core;

import dev.spawning.factory.Origin;
import java.nio.file.Path;

/** The section a context was built from: its file, its name ({@code app:main}) and header line. */
record Place(Path file, String section, int line) {

    Origin origin() {
        return file == null ? null : new Origin(file.toString(), line);
    }

    /** The section name for settings and messages; {@code ""} when none. */
    String sectionName() {
        return section == null ? "" : section;
    }
}
