package dev.spawning.controller;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;

/** An app that takes its time to build ({@code delay}), so a test can see a reload under way. */
public final class SlowApps {

    private SlowApps() {
    }

    public static App slow(Settings global, Settings local) throws InterruptedException {
        Thread.sleep(local.duration("delay", java.time.Duration.ofSeconds(3)));
        Response answer = Response.text(200, local.get("body", "slow"));
        return request -> answer;
    }
}
