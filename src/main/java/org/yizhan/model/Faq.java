package org.yizhan.model;

import java.util.Objects;

/** 常见问题: a question and its answer. */
public record Faq(String question, String answer) {
    public Faq {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
    }
}
