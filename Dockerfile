# The API image. Migrations are applied by the server itself at start, under
# Prisma's advisory lock, so several replicas can start at once.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# Install first (with the schema, for the client generated at install) so that
# code changes do not invalidate the dependency layer.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
RUN npm ci --include=dev && npm cache clean --force
COPY . .
# Compiled once here; the image runs JavaScript only (nothing transpiled at run time).
RUN npm run build && npm prune --omit=dev
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --retries=5 CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/server.js"]
