package org.yizhan.status;

import java.util.List;

/**
 * The answer to a lookup whose number and check matched: the case's progress as the kiosk shows it.
 * The applicant is masked (张*, 张*丰, 欧**娜; a company name as is). {@code submittedAt} is ISO-8601 with
 * offset, {@code promisedBy} {@code yyyy-MM-dd} or null. {@code steps} are in order, exactly one
 * {@code current} unless finished. {@code result} is null while open, else {@link #APPROVED} (准予),
 * {@link #REFUSED} (不予) or {@link #SUPPLEMENT} (补正). The collect fields may be null; {@code materialsToAdd}
 * is never null.
 */
public record CaseAnswer(
        String number,
        String serviceId,
        String serviceName,
        String department,
        String applicant,
        String submittedAt,
        String promisedBy,
        List<CaseStep> steps,
        String result,
        String resultNote,
        String collectWhere,
        String collectWhen,
        List<String> materialsToAdd,
        boolean finished) {

    public static final String APPROVED = "approved";
    public static final String REFUSED = "refused";
    public static final String SUPPLEMENT = "supplement";

    public CaseAnswer {
        steps = steps == null ? List.of() : List.copyOf(steps);
        materialsToAdd = materialsToAdd == null ? List.of() : List.copyOf(materialsToAdd);
    }
}
