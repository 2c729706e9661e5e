// The chat app's Redis clients (ioredis) against a real Redis, configured as the chat design's "Application
// Connection" shows, with the values the module's outputs produce.
// Usage: node chat.js CHECK   (environment: REDIS_HOST, REDIS_PORT, REDIS_AUTH_TOKEN, ADAPTER_REDIS_URL, and
// NODE_EXTRA_CA_CERTS for a test CA). Exits non-zero when the check fails. Driven by RealClientsTest.
"use strict";
const Redis = require("ioredis");

const bounded = { connectTimeout: 5000, maxRetriesPerRequest: 1, retryStrategy: () => null };

// The design's options, verbatim: host, port, password, tls: {}.
function seedClient() {
  return new Redis({
    host: process.env.REDIS_HOST,
    port: Number(process.env.REDIS_PORT),
    password: process.env.REDIS_AUTH_TOKEN,
    tls: {},
    ...bounded,
  });
}

function urlClient() {
  return new Redis(process.env.ADAPTER_REDIS_URL, bounded);
}

function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const checks = {
  // RBAC: the realtime service as its own user, with the URL the module gives that user (user_urls).
  async "user-url"() {
    const byUrl = urlClient();
    try {
      await byUrl.set("presence:probe", "1", "EX", 60);
      if ((await byUrl.get("presence:probe")) !== "1") throw new Error("presence key not read back");
      let refused = false;
      try { await byUrl.get("celery-task-meta-probe"); } catch (error) { refused = /NOPERM/.test(String(error)); }
      if (!refused) throw new Error("the realtime user could read a key outside its access string");
      console.log("ioredis: connected as its own RBAC user with its user URL; a key outside its access string is refused (NOPERM)");
    } finally {
      byUrl.disconnect();
    }
  },

  async connect() {
    const bySeedOptions = seedClient();
    const byUrl = urlClient();
    try {
      if ((await bySeedOptions.ping()) !== "PONG") throw new Error("no PONG with the design's options");
      if ((await byUrl.ping()) !== "PONG") throw new Error("no PONG with adapter_redis_url");
      console.log("ioredis: connected over TLS with AUTH, with the design's options and with adapter_redis_url");
    } finally {
      bySeedOptions.disconnect();
      byUrl.disconnect();
    }
  },

  async "expiry-events"() {
    const subscriber = seedClient();
    const writer = seedClient();
    try {
      const expired = new Promise((resolve) => subscriber.on("message", (channel, key) => {
        if (key === "presence:user-1") resolve(channel);
      }));
      await subscriber.subscribe("__keyevent@0__:expired");
      await writer.set("presence:user-1", "online", "EX", 1);
      const channel = await within(5000, "expiry event", expired);
      console.log(`expiry events: ${channel} reported presence:user-1 after its 1 s TTL`);
    } finally {
      subscriber.disconnect();
      writer.disconnect();
    }
  },

  async pubsub() {
    const subscriber = urlClient();
    const publisher = urlClient();
    try {
      const received = new Promise((resolve) => subscriber.on("message", (channel, message) => resolve(message)));
      await subscriber.subscribe("socket.io#/#");
      const listeners = await publisher.publish("socket.io#/#", "hello from instance 2");
      if (listeners !== 1) throw new Error(`expected 1 subscriber, got ${listeners}`);
      const message = await within(5000, "pub/sub message", received);
      if (message !== "hello from instance 2") throw new Error(`wrong message: ${message}`);
      console.log("pub/sub: a message published on one connection reached the subscriber on another");
    } finally {
      subscriber.disconnect();
      publisher.disconnect();
    }
  },

  // With maxmemory reached, volatile-lru evicts keys that carry a TTL and never those without one.
  async "volatile-eviction"() {
    const client = seedClient();
    try {
      for (let i = 0; i < 50; i++) await client.set(`room:${i}:config`, "keep me");
      const blob = "x".repeat(4096);
      let evicted = 0;
      for (let i = 0; i < 20000 && evicted === 0; i++) {
        await client.set(`typing:${i}`, blob, "EX", 300);
        if (i % 500 === 499) evicted = Number((await client.info("stats")).match(/evicted_keys:(\d+)/)[1]);
      }
      if (evicted === 0) throw new Error("the node never filled up");
      for (let i = 0; i < 50; i++) {
        if ((await client.get(`room:${i}:config`)) !== "keep me") throw new Error(`room:${i}:config was evicted`);
      }
      console.log(`eviction (volatile-lru): ${evicted} keys with a TTL evicted, all 50 keys without one kept`);
    } finally {
      client.disconnect();
    }
  },
};

const check = checks[process.argv[2]];
if (!check) {
  console.error(`unknown check ${process.argv[2]}; one of ${Object.keys(checks).join(", ")}`);
  process.exit(2);
}
check().then(() => process.exit(0), (error) => { console.error(`FAILED: ${error.message}`); process.exit(1); });
