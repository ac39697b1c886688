package care.mend.room.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Messages are put together from their parts, never held past the limit, and a message over it is reported once. */
class FrameAssemblerTest {

    @Test
    void aMessageInOnePartIsHandedOverAsItIs() {
        FrameAssembler assembler = new FrameAssembler(16);
        String text = "{\"type\":\"x\"}";

        FrameAssembler.Result result = assembler.add(text, true);

        assertThat(result).isEqualTo(new FrameAssembler.Result.Message(text));
        assertThat(((FrameAssembler.Result.Message) result).text()).isSameAs(text);
    }

    @Test
    void partsAreJoinedAndTheNextMessageStartsAfresh() {
        FrameAssembler assembler = new FrameAssembler(16);

        assertThat(assembler.add("abc", false)).isInstanceOf(FrameAssembler.Result.Incomplete.class);
        assertThat(assembler.add("def", false)).isInstanceOf(FrameAssembler.Result.Incomplete.class);
        assertThat(assembler.add("", true)).isEqualTo(new FrameAssembler.Result.Message("abcdef"));
        assertThat(assembler.add("0123456789abcdef", true))
                .isEqualTo(new FrameAssembler.Result.Message("0123456789abcdef"));
    }

    @Test
    void thePartThatPassesTheLimitIsReportedOnceAndTheRestOfItsMessageIsDropped() {
        FrameAssembler assembler = new FrameAssembler(10);

        assertThat(assembler.add("0123456", false)).isInstanceOf(FrameAssembler.Result.Incomplete.class);
        assertThat(assembler.add("7890", false)).isInstanceOf(FrameAssembler.Result.TooBig.class);
        for (int i = 0; i < 1000; i++) {
            assertThat(assembler.add("x".repeat(1000), false)).isInstanceOf(FrameAssembler.Result.Incomplete.class);
        }
        assertThat(assembler.add("end", true)).isInstanceOf(FrameAssembler.Result.Incomplete.class);
        // A connection that is not closed at once (it is) could go on with a message within the limit.
        assertThat(assembler.add("ok", true)).isEqualTo(new FrameAssembler.Result.Message("ok"));
    }

    @Test
    void theLimitCountsUtf8BytesAsTheWireDoes() {
        FrameAssembler assembler = new FrameAssembler(6);

        assertThat(assembler.add("ééé", true)).isInstanceOf(FrameAssembler.Result.Message.class); // 6 bytes
        assertThat(assembler.add("€€", false)).isInstanceOf(FrameAssembler.Result.Incomplete.class); // 6 bytes
        assertThat(assembler.add("a", true)).isInstanceOf(FrameAssembler.Result.TooBig.class);
        assertThat(FrameAssembler.utf8Length("\uD83D\uDE00")).isEqualTo(4);
    }
}
