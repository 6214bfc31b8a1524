#!/usr/bin/env bash
# Builds the five images, named $JOBSEARCH_IMAGE_PREFIX<app>:$JOBSEARCH_VERSION (default jobsearch/<app>:0.1.0),
# from the apps' jars:
#   deploy/build-images.sh                     # build the jars (skipping tests), then the images
#   JOBSEARCH_IMAGE_PREFIX=registry.example.com/jobsearch/ deploy/build-images.sh --push
# The same images come out of `docker compose build` (docker-compose.yml uses deploy/Dockerfile too).
set -euo pipefail
cd "$(dirname "$0")/.."

version="${JOBSEARCH_VERSION:-0.1.0}"
push=0
if [ "${1:-}" = "--push" ]; then push=1; fi

if ! command -v docker >/dev/null 2>&1; then
    echo "build-images.sh needs the docker CLI and a Docker engine." >&2
    exit 1
fi

./mvnw -B -q install -DskipTests

declare -A ports=([discovery-service]=8081 [resume-service]=8082 [tracker-service]=8083
                  [interview-prep-service]=8084 [gateway]=8080)
for app in discovery-service resume-service tracker-service interview-prep-service gateway; do
    image="${JOBSEARCH_IMAGE_PREFIX:-jobsearch/}$app:$version"
    echo "Building $image"
    docker build -f deploy/Dockerfile --build-arg APP="$app" --build-arg PORT="${ports[$app]}" -t "$image" .
    if [ "$push" = 1 ]; then
        docker push "$image"
    fi
done
