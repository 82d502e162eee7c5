package org.dphub.plans;

/**
 * How one part of a personal budget is taken (Care Act 2014 s26 and guidance chapter 12; the
 * Client Level Data specification's {@code Delivery_Mechanism}). ASCOF 3D counts people by it.
 */
public enum DeliveryMechanism {
    /** the person (or someone for them) gets the money and arranges the support */
    DIRECT_PAYMENT,
    /** the money is held by a provider the person chose, who arranges support with them */
    INDIVIDUAL_SERVICE_FUND,
    /** a personal budget the council manages and spends as the person wishes */
    COUNCIL_MANAGED_BUDGET,
    /** support the council buys or provides itself */
    COUNCIL_COMMISSIONED
}
