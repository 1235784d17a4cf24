package org.learningloop.cyclefixture.invoices;

import org.learningloop.cyclefixture.orders.Order;

public record Invoice(String number, Order order) {}
