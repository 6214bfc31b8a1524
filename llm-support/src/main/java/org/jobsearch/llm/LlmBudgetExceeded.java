package org.jobsearch.llm;

import java.math.BigDecimal;
import java.util.UUID;

/** Thrown before any HTTP call when a call's worst-case cost would take its owner over the monthly budget. */
public class LlmBudgetExceeded extends LlmFailure {

    private final UUID ownerId;
    private final BigDecimal spentUsd;
    private final BigDecimal estimatedUsd;
    private final BigDecimal budgetUsd;

    public LlmBudgetExceeded(String purpose, UUID ownerId, BigDecimal spentUsd, BigDecimal estimatedUsd,
                             BigDecimal budgetUsd) {
        super(purpose, Reason.BUDGET_EXCEEDED, "monthly LLM budget of $" + budgetUsd.toPlainString()
                + " would be exceeded (spent $" + spentUsd.toPlainString() + ", this call up to $"
                + estimatedUsd.toPlainString() + ")");
        this.ownerId = ownerId;
        this.spentUsd = spentUsd;
        this.estimatedUsd = estimatedUsd;
        this.budgetUsd = budgetUsd;
    }

    public UUID ownerId() {
        return ownerId;
    }

    /** spent this calendar month (UTC) before the call */
    public BigDecimal spentUsd() {
        return spentUsd;
    }

    /** the call's worst case: estimated input plus its full output budget, uncached */
    public BigDecimal estimatedUsd() {
        return estimatedUsd;
    }

    public BigDecimal budgetUsd() {
        return budgetUsd;
    }
}
