package org.yizhan.print;

/** PLACEHOLDER until the printing branch lands. */
public enum PrinterState { READY, PAPER_OUT, COVER_OPEN, OFFLINE, UNKNOWN }
