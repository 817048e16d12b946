package dev.switchboard.benchmark;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold invocation of a function, as a new Lambda execution environment does it: load the handler
 * class from its shaded jar, construct it (the function's init), handle one event, and exit. Run it with
 * the shaded jar first on the class path and this module's jar after it:
 * {@code java -cp FUNCTION-lambda.jar:switchboard-benchmark.jar dev.switchboard.benchmark.ColdStart
 * HANDLER_CLASS EVENT_FILE [WARM_RUNS]}.
 *
 * <p>Prints one JSON line: init and first-invocation durations, then the median of {@code WARM_RUNS} more
 * invocations of the same event in the same JVM (what a warm container pays), each after the emulator
 * was put back to its starting state ({@link Emulator#reset}, not timed), so every warm run makes the
 * same AWS calls as the cold one. The first answer is written to standard error for the script to check.
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        int warmRuns = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0])
                .getDeclaredConstructor().newInstance();
        long initialised = System.nanoTime();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), first, null);
        long invoked = System.nanoTime();
        double[] warm = new double[warmRuns];
        for (int i = 0; i < warmRuns; i++) {
            Emulator.reset();
            long t = System.nanoTime();
            handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        System.err.println(first.toString(StandardCharsets.UTF_8));
        System.out.println(Timings.json((initialised - start) / 1e6, (invoked - initialised) / 1e6, warm));
    }
}
