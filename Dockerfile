FROM node:20-slim

WORKDIR /app

# Dependencies first, so a source change does not reinstall them.
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci && npm cache clean --force

COPY --chown=node:node . .

ENV NODE_ENV=production
USER node
EXPOSE 3000
CMD ["npm", "start"]
