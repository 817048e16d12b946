package dev.switchboard.core.aws;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LoopbackPrimingTest {

    @Test
    void run_postsTwiceOnEachConnection_theSecondReusingTheKeptAliveOne_overHttpThenHttps() {
        // A second request on a new connection would leave the server waiting on the first one's second read.
        assertThat(LoopbackPriming.run(3)).containsExactly(2, 2, 2, 2, 2, 2);
    }

    @Test
    void run_leavesNoSessionInTheDefaultContext() throws Exception {
        var sessions = javax.net.ssl.SSLContext.getDefault().getClientSessionContext();
        var before = java.util.Collections.list(sessions.getIds()).size();

        LoopbackPriming.run(1);

        assertThat(java.util.Collections.list(sessions.getIds())).hasSize(before);
    }

    @Test
    void run_leavesNoSocketOpen_neitherTheServersNorAKeptAliveConnection() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs Linux's /proc to count open sockets");
        long before = sockets(fds);

        LoopbackPriming.run(3);

        assertThat(sockets(fds)).isLessThanOrEqualTo(before);
    }

    private static long sockets(Path fds) throws IOException {
        try (Stream<Path> open = Files.list(fds)) {
            return open.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false;   // closed while listing
                }
            }).count();
        }
    }
}
