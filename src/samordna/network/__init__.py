"""The national picture: networks (NNS, a region's network, Försäkringskassan) whose users see
the förbund that share their figures side by side, and the förbund's decision to share."""
