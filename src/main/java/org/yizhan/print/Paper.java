package org.yizhan.print;

/** The thermal rolls halls use, at 203 dpi (8 dots a millimetre). */
public enum Paper {
    MM58(58, 384),
    MM80(80, 576);

    /** Dots a millimetre at 203 dpi (8 dots/mm), also for the printer's speed. */
    public static final int DOTS_PER_MM = 8;

    private final int millimetres;
    private final int dots;

    Paper(int millimetres, int dots) {
        this.millimetres = millimetres;
        this.dots = dots;
    }

    public int millimetres() {
        return millimetres;
    }

    /** The printable width in dots. */
    public int dots() {
        return dots;
    }

    /** {@code 58} or {@code 80}, as in {@code printer.paper}. */
    public static Paper ofMillimetres(int mm) {
        for (Paper p : values()) {
            if (p.millimetres == mm) {
                return p;
            }
        }
        throw new IllegalArgumentException("Paper must be 58 or 80 (mm), not " + mm + ".");
    }
}
