package org.yizhan.status;

import java.util.List;

/** PLACEHOLDER until the server half lands. */
public record CaseAnswer(String number, String serviceId, String serviceName, String department, String applicant,
        String submittedAt, String promisedBy, List<CaseStep> steps, String result, String resultNote,
        String collectWhere, String collectWhen, List<String> materialsToAdd, boolean finished) {
}
