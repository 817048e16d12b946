package dev.switchboard.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.switchboard.emulator.AwsEmulator.DEMO_ENDPOINT_ID;
import static dev.switchboard.emulator.AwsEmulator.DEMO_SUBNET_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real AWS CLI (Debian package awscli) against the emulator: proves the wire format, not just our SDK use. */
class AwsCliTest extends EmulatorTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String aws;

    @BeforeAll
    static void findCli() {
        aws = locate();
        if (aws == null) {
            if (System.getenv("CI") != null) {
                fail("The AWS CLI is not installed; on CI run: apt-get install -y awscli");
            }
            assumeTrue(false, "aws CLI not on PATH (apt-get install -y awscli); skipping");
        }
    }

    private static String locate() {
        if (Files.isExecutable(Path.of("/usr/bin/aws"))) {
            return "/usr/bin/aws";
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, "aws");
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(aws));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--endpoint-url", emu.endpoint().toString(), "--region", "ap-northeast-1", "--output", "json"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "ap-northeast-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.remove("AWS_PROFILE");
        Path out = Files.createTempFile("aws-cli", ".out");
        Path err = Files.createTempFile("aws-cli", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("aws CLI timed out: " + cmd);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static JsonNode ok(String... args) throws Exception {
        Result r = run(args);
        assertThat(r.exit()).as("aws %s failed: %s", String.join(" ", args), r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void awsCli_clientVpnCalls_parseAndReflectState() throws Exception {
        emu.seedConnection(DEMO_ENDPOINT_ID, "cvpn-connection-0aaaaaaaaaaaaaaa1", "alice", "203.0.113.5");

        JsonNode eps = ok("ec2", "describe-client-vpn-endpoints", "--client-vpn-endpoint-ids", DEMO_ENDPOINT_ID);
        assertThat(eps.path("ClientVpnEndpoints").get(0).path("Status").path("Code").asText()).isEqualTo("pending-associate");
        assertThat(eps.path("ClientVpnEndpoints").get(0).path("VpcId").asText()).isEqualTo(AwsEmulator.DEMO_VPC_ID);

        JsonNode assoc = ok("ec2", "associate-client-vpn-target-network", "--client-vpn-endpoint-id", DEMO_ENDPOINT_ID,
                "--subnet-id", DEMO_SUBNET_A);
        assertThat(assoc.path("AssociationId").asText()).startsWith("cvpn-assoc-");
        assertThat(assoc.path("Status").path("Code").asText()).isEqualTo("associating");

        Result dup = run("ec2", "associate-client-vpn-target-network", "--client-vpn-endpoint-id", DEMO_ENDPOINT_ID,
                "--subnet-id", DEMO_SUBNET_A);
        assertThat(dup.exit()).isNotZero();
        assertThat(dup.err()).contains("ClientVpnEndpointAssociationExists");

        emu.advanceClock(Duration.ofSeconds(10));
        JsonNode targets = ok("ec2", "describe-client-vpn-target-networks", "--client-vpn-endpoint-id", DEMO_ENDPOINT_ID);
        assertThat(targets.path("ClientVpnTargetNetworks").get(0).path("Status").path("Code").asText()).isEqualTo("associated");
        assertThat(targets.path("ClientVpnTargetNetworks").get(0).path("TargetNetworkId").asText()).isEqualTo(DEMO_SUBNET_A);

        JsonNode conns = ok("ec2", "describe-client-vpn-connections", "--client-vpn-endpoint-id", DEMO_ENDPOINT_ID);
        JsonNode c = conns.path("Connections").get(0);
        assertThat(c.path("Username").asText()).isEqualTo("alice");
        assertThat(c.path("Status").path("Code").asText()).isEqualTo("active");
        assertThat(c.path("ConnectionEndTime").asText()).isEqualTo("-");

        JsonNode route = ok("ec2", "create-client-vpn-route", "--client-vpn-endpoint-id", DEMO_ENDPOINT_ID,
                "--destination-cidr-block", "0.0.0.0/0", "--target-vpc-subnet-id", DEMO_SUBNET_A, "--description", "internet");
        assertThat(route.path("Status").path("Code").asText()).isEqualTo("creating");
        JsonNode routes = ok("ec2", "describe-client-vpn-routes", "--client-vpn-endpoint-id", DEMO_ENDPOINT_ID);
        assertThat(routes.path("Routes")).hasSize(2);
        JsonNode deleted = ok("ec2", "delete-client-vpn-route", "--client-vpn-endpoint-id", DEMO_ENDPOINT_ID,
                "--destination-cidr-block", "0.0.0.0/0");
        assertThat(deleted.path("Status").path("Code").asText()).isEqualTo("deleting");

        Result missing = run("ec2", "describe-client-vpn-endpoints", "--client-vpn-endpoint-ids", "cvpn-endpoint-00000000000000000");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("InvalidClientVpnEndpointId.NotFound");
    }
}
