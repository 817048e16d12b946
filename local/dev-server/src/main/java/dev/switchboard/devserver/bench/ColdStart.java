package dev.switchboard.devserver.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold invocation of a function, as a new Lambda execution environment does it: load the handler
 * class from its shaded jar, construct it (the function's init), then handle one event. Run it with only
 * the shaded jar and this class on the class path: {@code java -cp FUNCTION-lambda.jar:dev-server/classes
 * dev.switchboard.devserver.bench.ColdStart HANDLER_CLASS EVENT_FILE}. Prints the init and invoke
 * durations, a second (warm) invocation's duration and the first answer; the benchmark script times the whole process from outside.
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0])
                .getDeclaredConstructor().newInstance();
        long initialised = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        long invoked = System.nanoTime();
        // A second invocation in the same JVM: what a warm container (or a primed SnapStart restore) pays.
        handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
        long again = System.nanoTime();
        System.out.printf("{\"initMs\":%.1f,\"invokeMs\":%.1f,\"secondInvokeMs\":%.1f,\"answer\":%s}%n",
                (initialised - start) / 1e6, (invoked - initialised) / 1e6, (again - invoked) / 1e6,
                out.toString(StandardCharsets.UTF_8));
    }
}
