"""Published documents: the PCC's response and the tracker pack, from templates."""
