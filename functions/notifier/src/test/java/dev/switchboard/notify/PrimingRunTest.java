package dev.switchboard.notify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Priming must take the real path of a notification: decode the event, write the message, publish it. */
class PrimingRunTest {

    @Test
    void primingRun_publishesTheCannedAuditLine() {
        List<String> answers = NotifierHandler.primingRun();

        assertThat(answers).singleElement().satisfies(a -> assertThat(a).contains("\"ok\":true")
                .contains("\"auditLines\":1").contains("\"published\":1")
                .contains("\"messageIds\":[\"00000000-0000-4000-8000-000000000000\"]"));
    }
}
