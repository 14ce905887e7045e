/** A small two-party plan the scenario editor starts a new scenario from. */
export const TEMPLATE_YAML = `parley: 1
name: my-negotiation
title: A new negotiation (edit me)
description: Two parties, two points. Rename the points and options, set each party's weights (summing to 1), the value of each option (0 to 1) and what no deal is worth to it (reservation).
issues:
  - name: price
    options: [low, medium, high]
  - name: delivery
    options: [fast, standard, slow]
parties:
  - name: Buyer
    reservation: 0.3
    weights: { price: 0.7, delivery: 0.3 }
    values:
      price: { low: 1, medium: 0.6, high: 0 }
      delivery: { fast: 1, standard: 0.5, slow: 0 }
  - name: Seller
    reservation: 0.3
    weights: { price: 0.6, delivery: 0.4 }
    values:
      price: { low: 0, medium: 0.5, high: 1 }
      delivery: { fast: 0, standard: 0.6, slow: 1 }
`;
