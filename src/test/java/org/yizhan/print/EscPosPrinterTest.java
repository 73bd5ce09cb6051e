package org.yizhan.print;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.testing.EscPosDecoder;
import org.yizhan.testing.FakeEscPosPrinter;
import org.yizhan.testing.FakeEscPosPrinter.Mode;

/** The ESC/POS printer against a printer on loopback that answers the real status bytes. */
class EscPosPrinterTest {
    /** Short, so a silent printer costs the test little; the real one is 2 s. */
    private static final Duration ANSWER = Duration.ofMillis(300);

    private final FakeEscPosPrinter fake = FakeEscPosPrinter.start();

    @AfterEach
    void switchOff() {
        fake.close();
    }

    private EscPosPrinter printer(Paper paper) {
        return new EscPosPrinter(TcpLink.parse(fake.address()), paper, ANSWER);
    }

    @Test
    void withPaperTheTicketPrintsOnceAndComesBackAsSent() throws PrintFailure {
        for (Paper paper : Paper.values()) {
            fake.clear();
            MonoImage image = stripes(paper.dots(), 300);

            printer(paper).print(image);

            assertEquals(java.util.List.of(image), fake.receivedImages(), paper.name());
            assertEquals(1, fake.jobsCut());
        }
    }

    @Test
    void aReadyPrinterSaysReady() {
        assertEquals(PrinterState.READY, printer(Paper.MM80).status());
        assertEquals(3, fake.statusRequests());
    }

    @Test
    void outOfPaperFailsBeforeAnythingIsSent() {
        fake.setMode(Mode.PAPER_OUT);
        EscPosPrinter printer = printer(Paper.MM58);

        assertEquals(PrinterState.PAPER_OUT, printer.status());
        PrintFailure failure = assertThrows(PrintFailure.class, () -> printer.print(stripes(384, 40)));

        assertEquals(PrinterState.PAPER_OUT, failure.state());
        assertEquals("The printer (ESC/POS tcp 127.0.0.1:" + fake.port() + ", 58 mm) is out of paper before printing.",
                failure.getMessage());
        EscPosDecoder.Decoded sent = EscPosDecoder.decode(fake.receivedBytes());
        assertEquals(0, sent.cuts());
        assertTrue(sent.images().isEmpty());
        assertEquals(0, fake.jobsCut());
    }

    @Test
    void anOpenCoverFailsBeforeAnythingIsSent() {
        fake.setMode(Mode.COVER_OPEN);
        PrintFailure failure = assertThrows(PrintFailure.class, () -> printer(Paper.MM80).print(stripes(576, 8)));
        assertEquals(PrinterState.COVER_OPEN, failure.state());
        assertEquals(0, EscPosDecoder.decode(fake.receivedBytes()).cuts());
    }

    @Test
    void aPrinterThatRunsOutInTheTicketIsAFailureAndItsBufferIsCleared() {
        fake.setMode(Mode.RUNS_OUT_AFTER_NEXT_JOB);

        PrintFailure failure = assertThrows(PrintFailure.class, () -> printer(Paper.MM80).print(stripes(576, 200)));

        assertEquals(PrinterState.PAPER_OUT, failure.state());
        assertTrue(failure.getMessage().endsWith("is out of paper after printing."), failure.getMessage());
        assertEquals(0, fake.jobsCut());
        assertTrue(fake.receivedImages().isEmpty());
        fake.awaitDisconnected();
        byte[] sent = fake.receivedBytes();
        byte[] clear = EscPos.clearBuffers();
        assertArrayEquals(clear, java.util.Arrays.copyOfRange(sent, sent.length - clear.length, sent.length));
    }

    @Test
    void aPrinterThatNeverAnswersIsOfflineWithinTheTimeout() {
        fake.setMode(Mode.NO_ANSWER);
        EscPosPrinter printer = printer(Paper.MM80);

        long start = System.nanoTime();
        assertEquals(PrinterState.OFFLINE, printer.status());
        PrintFailure failure = assertThrows(PrintFailure.class, () -> printer.print(stripes(576, 8)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(PrinterState.OFFLINE, failure.state());
        assertTrue(failure.getMessage().contains("did not answer within 300 ms"), failure.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "took " + took);
        assertEquals(0, EscPosDecoder.decode(fake.receivedBytes()).cuts());
    }

    @Test
    void aPortNobodyListensOnIsOffline() throws IOException {
        // A port held by a socket that is bound but not listening: refused, and no other program can take it.
        try (Socket holder = new Socket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            EscPosPrinter printer = new EscPosPrinter(TcpLink.parse("127.0.0.1:" + holder.getLocalPort()), Paper.MM80, ANSWER);

            assertEquals(PrinterState.OFFLINE, printer.status());
            PrintFailure failure = assertThrows(PrintFailure.class, () -> printer.print(stripes(576, 8)));
            assertEquals(PrinterState.OFFLINE, failure.state());
            assertTrue(failure.getMessage().startsWith("The printer (ESC/POS tcp 127.0.0.1:" + holder.getLocalPort()
                    + ", 80 mm) cannot be reached: "), failure.getMessage());
        }
    }

    @Test
    void paperLoadedAgainPrintsAgain() throws PrintFailure {
        fake.setMode(Mode.PAPER_OUT);
        EscPosPrinter printer = printer(Paper.MM58);
        assertThrows(PrintFailure.class, () -> printer.print(stripes(384, 16)));

        fake.setMode(Mode.PAPER_PRESENT);
        printer.print(stripes(384, 16));

        assertEquals(1, fake.jobsCut());
    }

    @Test
    void anImageWiderThanThePaperIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> printer(Paper.MM58).print(stripes(576, 8)));
    }

    @Test
    void aDeviceFileGetsTheSameBytesAndItsStatusIsUnknown(@TempDir Path dir) throws IOException, PrintFailure {
        Path device = Files.createFile(dir.resolve("lp0"));
        EscPosPrinter printer = new EscPosPrinter(new DeviceLink(device), Paper.MM58, ANSWER);
        MonoImage image = stripes(384, 300);

        assertEquals(PrinterState.UNKNOWN, printer.status());
        printer.print(image);

        byte[] written = Files.readAllBytes(device);
        assertArrayEquals(EscPos.ticket(image), written);
        assertEquals(java.util.List.of(image), EscPosDecoder.decode(written).images());
    }

    @Test
    void aMissingDeviceIsOfflineAndIsNotCreated(@TempDir Path dir) {
        Path device = dir.resolve("lp0");
        EscPosPrinter printer = new EscPosPrinter(new DeviceLink(device), Paper.MM58, ANSWER);

        assertEquals(PrinterState.OFFLINE, printer.status());
        PrintFailure failure = assertThrows(PrintFailure.class, () -> printer.print(stripes(384, 8)));
        assertEquals(PrinterState.OFFLINE, failure.state());
        assertFalse(Files.exists(device));
    }

    /** Horizontal bars of different lengths: every row differs from its neighbours, so a lost band shows. */
    static MonoImage stripes(int width, int height) {
        int stride = MonoImage.bytesPerRow(width);
        byte[] rows = new byte[stride * height];
        for (int y = 0; y < height; y++) {
            int length = (y * 7) % width;
            for (int x = 0; x < length; x++) {
                rows[y * stride + x / 8] |= (byte) (0x80 >>> (x % 8));
            }
        }
        return new MonoImage(width, height, rows);
    }
}
