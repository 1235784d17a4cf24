package org.learningloop.cyclefixture.invoices.internal;

public final class InvoiceNumbers {

  private static int last;

  private InvoiceNumbers() {}

  public static String next() {
    return "INV-" + ++last;
  }
}
