package dev.spawning.controller;

import dev.spawning.core.Deployment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The controller as {@code spawn serve FILE} runs it, for process-level tests: {@code ControllerMain FILE}. */
public final class ControllerMain {

    private ControllerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Deployment deployment = Deployment.of(file);
        ControllerSettings settings = ControllerSettings.of(deployment, "main");
        Launch launch = new Launch(file, "main", "main", Map.of(), Map.of(), List.of());
        int status;
        try {
            status = Controller.create(launch, deployment, settings)
                    .run(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        } catch (ControllerException e) {
            System.err.println(e.getMessage());
            status = 2;
        } catch (dev.spawning.core.DeploymentException e) {
            e.problems().forEach(problem -> System.err.println(problem.text()));
            status = 2;
        }
        System.exit(status);
    }
}
