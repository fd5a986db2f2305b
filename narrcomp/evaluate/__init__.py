"""Evaluation: retrieval and stance metrics, and readers for public benchmarks."""
