// Placeholder entry point until the ablate command lands.
return 0;
