package org.yizhan.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxToolkit;
import org.yizhan.print.MonoImage;
import org.yizhan.print.Paper;
import org.yizhan.print.Printers;
import org.yizhan.print.TicketPrinter;
import org.yizhan.testing.FakeEscPosPrinter;
import org.yizhan.testing.Fx;
import org.yizhan.ui.Fonts;
import org.yizhan.ui.Messages;
import org.yizhan.ui.Rasters;

/**
 * The real ticket layout, rasterised as the kiosk does it, printed over TCP on the loopback ESC/POS printer,
 * and read back from the raster the printer received: {@code target/screenshots/ticket-printed-58mm.png} and
 * {@code -80mm.png}. It is the ticket: the same pixels, cut once, and its QR code still leads to the ticket.
 */
class TicketPrintTest {

    private static final QueueViewModel.TicketView TICKET = new QueueViewModel.TicketView("云溪县政务服务中心", "A007",
            "户籍与身份证", "前面还有 6 人", "预计等候约 18 分钟", "一楼 A 区", "09:05",
            "http://dating.example.gov.cn/t/k3J9xQpL2mN8vR4tY6wZ1a", true);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Fx.run(Fonts::load);
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void thePrintedTicketIsTheTicketLaidOut(Paper paper) throws Exception {
        Messages messages = Messages.simplifiedChinese();
        MonoImage laidOut = Fx.call(() -> Rasters.of(TicketLayout.node(TICKET, paper.dots(), messages)));
        assertEquals(paper.dots(), laidOut.width());
        assertTrue(laidOut.height() > paper.dots(), "a ticket is taller than wide: " + laidOut.height());

        try (FakeEscPosPrinter fake = FakeEscPosPrinter.start();
                TicketPrinter printer = Printers.create(Printers.ESCPOS_TCP, fake.address(), paper.millimetres(), null)) {
            printer.print(laidOut);
            assertEquals(List.of(laidOut), fake.receivedImages(), "the printer got exactly the ticket");
            assertEquals(1, fake.jobsCut());
            MonoImage received = fake.receivedImages().get(0);
            FakeEscPosPrinter.savePng(received, "ticket-printed-" + paper.millimetres() + "mm");
            assertEquals(TICKET.statusUrl(), qrText(received), "the printed QR code leads to the ticket");
        }
    }

    private static String qrText(MonoImage image) throws Exception {
        int[] argb = image.toArgb();
        RGBLuminanceSource source = new RGBLuminanceSource(image.width(), image.height(), argb);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

}
