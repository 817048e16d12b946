package dev.switchboard.benchmark;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import com.sun.management.OperatingSystemMXBean;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * One path of a function under a per-call delay, cold then warm, in one fresh JVM:
 * {@code PathRun HANDLER_CLASS EVENT_FILE SCENARIO WARM_RUNS [primed]}. The emulator must already be in the
 * scenario's starting state with the delay set ({@code scenario.py setup SCENARIO}, whose printed count of
 * set-up calls is {@code BENCH_SETUP_CALLS}). Constructs the handler (the init), handles the event once
 * (cold), asks the emulator what that invocation called and how many of the calls were made one after
 * another, then repeats the path WARM_RUNS times, each from a fresh set-up (not timed), and prints one JSON
 * line. With {@code primed}, the handler's static {@code prime()} runs after the init, as SnapStart's
 * before-checkpoint hook does, so the first invocation is the first after a restore; it is then also timed
 * warm over new connections (no kept-alive connection left to reuse, as after a restore), so the first
 * invocation can be compared with a warm one that pays the same connection set-up.
 */
public final class PathRun {

    /** Longer than the JDK keeps an idle HTTP connection alive when the server names no timeout (5 s). */
    private static final long KEEP_ALIVE_IDLE_MILLIS = 5_500;

    private PathRun() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        String scenario = args[2];
        int warmRuns = Integer.parseInt(args[3]);
        boolean primed = args.length > 4 && args[4].equals("primed");
        Class<?> type = Class.forName(args[0]);
        RequestStreamHandler handler = (RequestStreamHandler) type.getDeclaredConstructor().newInstance();
        if (primed) {
            type.getMethod("prime").invoke(null);
        }
        // The JVM's CPU time (all threads: the calls run in parallel), read only on the primed path.
        OperatingSystemMXBean cpu = primed
                ? (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean() : null;
        long initialised = System.nanoTime();
        long cpuBefore = cpuNanos(cpu);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), first, null);
        long invoked = System.nanoTime();
        double firstCpu = (cpuNanos(cpu) - cpuBefore) / 1e6;
        String calls = scenario("calls", System.getenv().getOrDefault("BENCH_SETUP_CALLS", "0"));
        double[] warm = new double[warmRuns];
        double[] warmCpu = new double[warmRuns];
        for (int i = 0; i < warmRuns; i++) {
            scenario("setup", scenario);
            long t = System.nanoTime();
            long c = cpuNanos(cpu);
            handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
            warm[i] = (System.nanoTime() - t) / 1e6;
            warmCpu[i] = (cpuNanos(cpu) - c) / 1e6;
        }
        // A restored snapshot has no connection to reuse; these warm runs have none either: each waits until
        // the JDK has dropped its idle kept-alive connections, so it opens (and handshakes) new ones.
        double[] fresh = new double[primed ? (warmRuns + 1) / 2 : 0];
        double[] freshCpu = new double[fresh.length];
        for (int i = 0; i < fresh.length; i++) {
            scenario("setup", scenario);
            Thread.sleep(KEEP_ALIVE_IDLE_MILLIS);
            long t = System.nanoTime();
            long c = cpuNanos(cpu);
            handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
            fresh[i] = (System.nanoTime() - t) / 1e6;
            freshCpu[i] = (cpuNanos(cpu) - c) / 1e6;
        }
        System.err.println(first.toString(StandardCharsets.UTF_8));
        System.out.println(String.format(Locale.ROOT,
                "{\"initMs\":%.1f,\"firstMs\":%.1f,\"warmMedianMs\":%s,\"warmNewConnectionsMedianMs\":%s,"
                        + "\"firstCpuMs\":%s,\"warmCpuMedianMs\":%s,\"warmNewConnectionsCpuMedianMs\":%s,"
                        + "\"firstCalls\":%s}",
                (initialised - start) / 1e6, (invoked - initialised) / 1e6, median(warm), median(fresh),
                primed ? String.format(Locale.ROOT, "%.1f", firstCpu) : "null", primed ? median(warmCpu) : "null",
                median(freshCpu), calls.strip()));
    }

    private static long cpuNanos(OperatingSystemMXBean cpu) {
        return cpu == null ? 0 : cpu.getProcessCpuTime();
    }

    private static String median(double[] runs) {
        if (runs.length == 0) {
            return "null";
        }
        double[] sorted = runs.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.1f", sorted[sorted.length / 2]);
    }

    /** Runs {@code local/benchmark/scenario.py} (path in {@code BENCH_SCENARIO}) and returns what it printed. */
    private static String scenario(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "/usr/bin/python3";
        command[1] = System.getenv("BENCH_SCENARIO");
        System.arraycopy(args, 0, command, 2, args.length);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("scenario.py " + String.join(" ", args) + " failed");
        }
        return out.strip();
    }
}
