package care.mend.media.kurento;

/**
 * Video bitrate caps, in kbps. The defaults suit a weak link (a patient on a rural mobile connection): a group of 13
 * must stay watchable on about 1 Mbps down, and a mixed grid on far less.
 *
 * @param publisherInKbps   what KMS asks a browser to send at most ({@code maxVideoRecvBandwidth})
 * @param subscriberOutKbps what KMS sends one viewer per stream at most ({@code maxVideoSendBandwidth})
 * @param gridOutKbps       what KMS sends a low-bandwidth viewer for the whole mixed grid
 * @param encoderKbps       the ceiling for KMS's own encoders when it transcodes ({@code maxEncoderBitrate})
 */
public record BitrateCaps(int publisherInKbps, int subscriberOutKbps, int gridOutKbps, int encoderKbps) {

    public static final BitrateCaps WEAK_LINK = new BitrateCaps(500, 300, 250, 500);

    public BitrateCaps {
        check("publisherInKbps", publisherInKbps);
        check("subscriberOutKbps", subscriberOutKbps);
        check("gridOutKbps", gridOutKbps);
        check("encoderKbps", encoderKbps);
    }

    private static void check(String name, int kbps) {
        if (kbps < 30 || kbps > 10_000) {
            throw new IllegalArgumentException(name + " is 30 to 10000 kbps");
        }
    }
}
