package org.yizhan.model;

import java.util.Objects;

/**
 * 申请材料: one document to bring.
 *
 * @param variant name of the {@link Variant} this material belongs to, or empty for every case
 */
public record Material(
        String name,
        int originals,
        int copies,
        MaterialForm form,
        Necessity necessity,
        MaterialSource source,
        String notes,
        boolean blankForm,
        boolean sampleForm,
        String variant) {
    public Material {
        Objects.requireNonNull(name, "name");
        if (originals < 0 || copies < 0) {
            throw new IllegalArgumentException("material counts must not be negative");
        }
        form = form == null ? MaterialForm.PAPER : form;
        necessity = necessity == null ? Necessity.REQUIRED : necessity;
        source = source == null ? MaterialSource.APPLICANT : source;
        notes = notes == null ? "" : notes;
        variant = variant == null ? "" : variant;
    }
}
