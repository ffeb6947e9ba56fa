#!/bin/sh
echo "hello from a file fetched by ADD, checked against its sha256"
