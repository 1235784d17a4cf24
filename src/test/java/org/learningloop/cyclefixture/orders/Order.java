package org.learningloop.cyclefixture.orders;

import org.learningloop.cyclefixture.invoices.Invoice;
import org.learningloop.cyclefixture.invoices.internal.InvoiceNumbers;

public record Order(String number) {

  public Invoice invoice() {
    return new Invoice(InvoiceNumbers.next(), this);
  }
}
