package dev.switchboard.benchmark;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The bare SDK baseline: the same AWS calls a function's benchmarked path makes, with the AWS SDK
 * alone — the UrlConnection client, the region and credentials given explicitly, no token check, no
 * HTML, no JSON of ours. What a function costs beyond it is Switchboard's own start-up.
 * Usage: {@code BareSdk SCENARIO [WARM_RUNS]} with the scenario one of
 * <ul>
 *   <li>{@code seed}: what seed 004's Python function does: describe the endpoint, associate one subnet;</li>
 *   <li>{@code vpn-portal}: the portal's turn-on from {@code GET /}: the endpoint and its associations at once, then
 *       the two associations and the tags at once (5 EC2 calls in 2 round trips, as the emulator's call log shows);</li>
 *   <li>{@code vpn-auto-off}: the idle check with the VPN off (the endpoint, its associations and its connections
 *       at once, as the function reads them);</li>
 *   <li>{@code connect-ip-rules}: the Connect page (list the authentication profiles, describe the default).</li>
 * </ul>
 * Configuration comes from the same variables as the functions' ({@code AWS_REGION},
 * {@code CLIENT_VPN_ENDPOINT_ID}, {@code TARGET_SUBNET_IDS}, {@code CONNECT_INSTANCE_ID}, the keys and
 * the standard {@code AWS_ENDPOINT_URL_*}).
 */
public final class BareSdk {

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    });

    private BareSdk() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        String scenario = args[0];
        int warmRuns = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Runnable calls = scenario.equals("connect-ip-rules") ? connectPage(client(ConnectClient.builder()))
                : ec2Scenario(scenario, client(Ec2Client.builder()));
        long initialised = System.nanoTime();
        calls.run();
        long invoked = System.nanoTime();
        double[] warm = new double[warmRuns];
        for (int i = 0; i < warmRuns; i++) {
            Emulator.reset();
            long t = System.nanoTime();
            calls.run();
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        System.out.println(Timings.json((initialised - start) / 1e6, (invoked - initialised) / 1e6, warm));
    }

    /**
     * The client as a careful hand-written function would build it: nothing looked up, nothing extra, and the
     * functions' transport. {@code UrlConnectionHttpClient.create()} would build a TLS context at once, even for
     * the benchmark's plain-HTTP emulator; the functions' connection factory ({@code AwsClients}) sets TLS up
     * on the first HTTPS connection only, so this one opens its connections the same way.
     */
    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder
                .httpClient(UrlConnectionHttpClient.create(BareSdk::open))
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"))))
                .build();
    }

    private static HttpURLConnection open(URI uri) {
        try {
            return (HttpURLConnection) uri.toURL().openConnection();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Runnable ec2Scenario(String scenario, Ec2Client ec2) {
        String endpoint = System.getenv("CLIENT_VPN_ENDPOINT_ID");
        List<String> subnets = List.of(System.getenv("TARGET_SUBNET_IDS").split(","));
        return switch (scenario) {
            case "seed" -> () -> {
                ec2.describeClientVpnEndpoints(r -> r.clientVpnEndpointIds(endpoint));
                ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(endpoint).subnetId(subnets.get(0)));
            };
            case "vpn-portal" -> () -> {
                // As the portal makes them: the two reads at once, then every write at once.
                atOnce(List.of(() -> ec2.describeClientVpnEndpoints(r -> r.clientVpnEndpointIds(endpoint)),
                        () -> ec2.describeClientVpnTargetNetworks(r -> r.clientVpnEndpointId(endpoint))));
                List<Runnable> writes = new ArrayList<>();
                for (String subnet : subnets) {
                    writes.add(() -> ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(endpoint).subnetId(subnet)));
                }
                writes.add(() -> ec2.createTags(r -> r.resources(endpoint)
                        .tags(t -> t.key("benchmark:turned-on-by").value("bare-sdk"))));
                atOnce(writes);
            };
            case "vpn-auto-off" -> () -> atOnce(List.of(
                    // As the idle check makes them: everything a decision can need, in one round trip.
                    () -> ec2.describeClientVpnEndpoints(r -> r.clientVpnEndpointIds(endpoint)),
                    () -> ec2.describeClientVpnTargetNetworks(r -> r.clientVpnEndpointId(endpoint)),
                    () -> ec2.describeClientVpnConnections(r -> r.clientVpnEndpointId(endpoint))));
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
    }

    /** Runs the calls on threads of their own and waits for all: what the portal's Parallel does. */
    private static void atOnce(List<Runnable> calls) {
        CompletableFuture.allOf(calls.stream().map(c -> CompletableFuture.runAsync(c, POOL))
                .toArray(CompletableFuture[]::new)).join();
    }

    private static Runnable connectPage(ConnectClient connect) {
        String instance = System.getenv("CONNECT_INSTANCE_ID");
        return () -> {
            String id = connect.listAuthenticationProfiles(r -> r.instanceId(instance))
                    .authenticationProfileSummaryList().get(0).id();
            connect.describeAuthenticationProfile(r -> r.instanceId(instance).authenticationProfileId(id));
        };
    }
}
