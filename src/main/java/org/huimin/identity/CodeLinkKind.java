package org.huimin.identity;

/** References fused into the health code (多码融合) so that one scan serves registration, settlement and payment. */
public enum CodeLinkKind {
    INSURANCE_VOUCHER, PAYMENT_ACCOUNT
}
