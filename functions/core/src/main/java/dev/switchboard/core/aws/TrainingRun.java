package dev.switchboard.core.aws;

import dev.switchboard.core.config.Env;

import java.lang.reflect.Method;

/**
 * The training run the build records the application class-data-sharing archive from: {@code java
 * -XX:ArchiveClassesAtExit=FUNCTION.jsa -cp FUNCTION-lambda.jar dev.switchboard.core.aws.TrainingRun
 * HANDLER_CLASS}. It constructs the handler from {@link Priming#environment()} (building the real SDK
 * client, calling nothing) and runs the handler's static {@code prime()} (the same priming SnapStart
 * runs), then exits; the JVM writes every class it loaded into the archive. Needs no network and no AWS.
 */
public final class TrainingRun {

    private TrainingRun() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> handler = Class.forName(args[0]);
        handler.getConstructor(Env.class).newInstance(Priming.environment());
        Method prime = handler.getMethod("prime");
        prime.invoke(null);
    }
}
