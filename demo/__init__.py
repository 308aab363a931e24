"""The fictional demo of `make run` and the synthetic data of the benchmarks: the one app that
builds on all the others, so that none of them has to know the apps above it."""
