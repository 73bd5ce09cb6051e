package org.yizhan.model;

/** 收费: whether a fee is charged, how much, and on what basis. */
public record Fee(boolean charged, String standard, String basis) {
    public static final Fee FREE = new Fee(false, "", "");

    public Fee {
        standard = standard == null ? "" : standard;
        basis = basis == null ? "" : basis;
    }
}
